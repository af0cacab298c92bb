import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ReferralsFromContact } from '@/lib/api-types';

/** One referral per (need, provider) named at a contact, in one step. */
export function useReferFromContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReferralsFromContact) =>
      unwrap(
        await api.POST('/api/v1/contacts/{contact_id}/referrals', {
          params: { path: { contact_id: contactId } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}
