/** antd Form names are arrays; rule problems name fields by dotted path. One conversion, both ways. */
export type NamePath = (string | number)[];

export const toPath = (name: NamePath): string => name.join('.');
