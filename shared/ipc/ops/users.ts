import { z } from 'zod'
import { op } from '../define'
import type { CurrentUser, DeskUser } from '../../domain/user'

const userName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: 'letters, digits, dot, underscore, @ and hyphen only' })

export const usersOps = {
  'users.list': op<DeskUser[]>()(
    z.object({}).strict(),
    'The desk users and their roles (preparer, reviewer).',
  ),
  'users.create': op<DeskUser>()(
    z
      .object({
        name: userName,
        displayName: z.string().trim().min(1).max(200).optional(),
        role: z.enum(['preparer', 'reviewer']),
      })
      .strict(),
    'Adds a desk user with a role; audited.',
    { mutates: true },
  ),
  'users.current': op<CurrentUser>()(z.object({}).strict(), 'The desk user this session acts as.'),
  'users.switch': op<CurrentUser>()(
    z.object({ name: userName }).strict(),
    'Makes the session act as another registered desk user (e.g. the reviewer, for four eyes); audited.',
    { mutates: true },
  ),
}
