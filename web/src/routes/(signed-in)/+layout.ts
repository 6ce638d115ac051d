import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { LayoutLoad } from './$types';

/** Every page in this group needs an account: without one, the sign-in page (then home). */
export const load: LayoutLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!me) redirect(307, resolve('/signin'));
  return { account: me.account };
};
