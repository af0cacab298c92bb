import { z } from 'zod';
import type { components } from '@/client/schema';
import { v } from '@/lib/form';

export type ImportResult = components['schemas']['ImportResult'];
export type ImportJob = components['schemas']['ImportJobRead'];
export type ImportRowError = components['schemas']['ImportRowError'];

export const importFormSchema = z.object({
  resource: z.string().min(1, v('required')),
  file: z
    .custom<FileList>((value) => typeof FileList !== 'undefined' && value instanceof FileList, v('required'))
    .refine((files) => files.length === 1, v('required')),
});

export type ImportFormValues = z.infer<typeof importFormSchema>;
