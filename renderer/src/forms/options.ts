import { TARIFF_CATEGORY_LABELS } from '../../../shared/domain/labels';
import type { RuleProfile } from '../../../shared/rules';

/** Select options from a label table, in the table's order. */
export function optionsOf<K extends string>(labels: Record<K, string>, only?: readonly K[]) {
  return (Object.keys(labels) as K[])
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, label: labels[value] }));
}

/** The tariff categories of the province profile in force: one it does not use is not offered (all until it is read). */
export const tariffCategoryOptions = (profile: RuleProfile | undefined) =>
  optionsOf(TARIFF_CATEGORY_LABELS, profile?.tariff.categories);
