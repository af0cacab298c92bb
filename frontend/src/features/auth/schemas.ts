import { z } from 'zod';
import { v } from '@/lib/form';

export const loginSchema = z.object({
  username: z.string().trim().min(1, v('usernameRequired')),
  password: z.string().min(1, v('passwordRequired')),
});

export type LoginInput = z.infer<typeof loginSchema>;
