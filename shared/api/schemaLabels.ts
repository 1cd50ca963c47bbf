/**
 * Chinese names of data paths, read from the `.describe()` texts along the path of a zod schema: one source for
 * boundary errors ("客户·证件号码：…"), document errors ("供电方案·核定容量 (kVA)") and version diffs.
 */
import type { z } from 'zod';

type Node = z.ZodType & {
  description?: string;
  def: { type: string; innerType?: Node; element?: Node };
  shape?: Record<string, Node>;
};

function unwrap(node: Node): Node {
  let current = node;
  while (current.def.innerType && ['optional', 'nullable', 'default', 'readonly'].includes(current.def.type)) {
    current = current.def.innerType;
  }
  return current;
}

/**
 * The labels along `path` (dotted; array indexes become "第 n 项"), joined with "·", a label repeated by its
 * parent said once; undefined when the schema describes none of it.
 */
export function schemaPathLabel(schema: z.ZodType, path: string): string | undefined {
  const labels: string[] = [];
  let node: Node | undefined = schema as Node;
  for (const part of path.split('.').filter(Boolean)) {
    const inner: Node | undefined = node ? unwrap(node) : undefined;
    if (inner?.def.type === 'array' && /^\d+$/.test(part)) {
      labels.push(`第 ${Number(part) + 1} 项`);
      node = inner.def.element;
      continue;
    }
    node = inner?.shape?.[part];
    if (!node) return labels.length ? `${labels.join('·')}·${part}` : undefined;
    const label = node.description ?? unwrap(node).description;
    if (label && label !== labels.at(-1)) labels.push(label);
  }
  return labels.length ? labels.join('·') : undefined;
}

/**
 * Where `path` comes in the schema, for sorting paths in its order: per part, the key's position in its object
 * or the list index. A part the schema does not know ranks after every known one.
 */
export function schemaPathRank(schema: z.ZodType, path: string): number[] {
  const rank: number[] = [];
  let node: Node | undefined = schema as Node;
  for (const part of path.split('.').filter(Boolean)) {
    const inner: Node | undefined = node ? unwrap(node) : undefined;
    if (inner?.def.type === 'array' && /^\d+$/.test(part)) {
      rank.push(Number(part));
      node = inner.def.element;
      continue;
    }
    const keys = Object.keys(inner?.shape ?? {});
    const index = keys.indexOf(part);
    rank.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
    node = inner?.shape?.[part];
  }
  return rank;
}
