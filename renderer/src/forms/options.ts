/** Select options from a label table, in the table's order. */
export function optionsOf<K extends string>(labels: Record<K, string>, only?: readonly K[]) {
  return (Object.keys(labels) as K[])
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, label: labels[value] }));
}
