/** 邮政编码: six digits; mainland codes start with 0–8. */
export const isPostalCode = (value: string): boolean => /^[0-8]\d{5}$/.test(value.trim());
