/**
 * The Chinese name of a record path, read from the `.describe()` texts along the path of the record schema,
 * so a missing-value error says "供电方案·核定容量 (kVA)" and not only `scheme.approvedCapacityKva`.
 */
import type { z } from 'zod';
import { documentRecordSchema } from '../documentRecord';

type Node = z.ZodType & {
  description?: string;
  def: { type: string; innerType?: Node; element?: Node };
  shape?: Record<string, Node>;
};

function unwrap(node: Node): Node {
  let current = node;
  while (current.def.innerType && ['optional', 'nullable', 'default'].includes(current.def.type)) {
    current = current.def.innerType;
  }
  return current;
}

export function recordFieldLabel(path: string): string {
  const labels: string[] = [];
  let node: Node | undefined = documentRecordSchema as unknown as Node;
  for (const part of path.split('.')) {
    if (!node) break;
    const inner: Node = unwrap(node);
    if (inner.def.type === 'array') {
      node = inner.def.element;
      if (/^\d+$/.test(part)) {
        labels.push(`第 ${Number(part) + 1} 项`);
        continue;
      }
    }
    const container: Node | undefined = node ? unwrap(node) : undefined;
    node = container?.shape?.[part];
    if (!node) return labels.length ? `${labels.join('·')}·${part}` : path;
    const label = node.description ?? unwrap(node).description;
    if (label) labels.push(label);
  }
  return labels.join('·');
}
