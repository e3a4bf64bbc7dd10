// Calling the functions' entry points (netlify/functions/*.ts) as Netlify does:
// a real Request and a context with route parameters and waitUntil.
import type { Context } from '@netlify/functions';

export function netlifyContext(params: Record<string, string> = {}) {
  const pending: Promise<unknown>[] = [];
  const context = {
    params,
    waitUntil: (promise: Promise<unknown>) => {
      pending.push(promise);
    },
  } as unknown as Context;
  /** Lets the work left running after the answer finish, as the platform would. */
  const settle = () => Promise.all(pending);
  return { context, settle };
}

/** A function's default export, whatever its arguments. */
export type EntryPoint = (req: Request, context: Context) => Promise<Response | undefined>;

/** The default export of netlify/functions/NAME.ts. */
export async function entryPoint(name: string): Promise<EntryPoint> {
  const module = (await import(`../../netlify/functions/${name}.ts`)) as { default: EntryPoint };
  return module.default;
}
