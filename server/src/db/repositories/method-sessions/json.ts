// jsonb comes back as an object from one driver and a string from the other: select it as text.
export const json = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;
