/** Money is whole kroner: a safe, non-negative integer (never a float). */
export const isSafeAmount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
