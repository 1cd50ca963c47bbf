import { LOW_VOLTAGE_CODES, VOLTAGE_CODES } from '../../../shared/domain/application';
import { TARIFF_CATEGORY_LABELS, VOLTAGE_LABELS } from '../../../shared/domain/labels';
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

/** The supply voltages of the province profile in force, high or low (all of the class until it is read). */
export const voltageOptions = (profile: RuleProfile | undefined, hv: boolean) =>
  optionsOf(
    VOLTAGE_LABELS,
    (profile?.supply.voltages ?? VOLTAGE_CODES).filter((code) => LOW_VOLTAGE_CODES.includes(code) !== hv),
  );

/**
 * 原供电电压: every voltage of the class, not only the profile's. A service built years ago may run at a level the
 * province no longer offers for new supplies (R-VC-08 leaves a kept voltage alone), and the form must show it.
 */
export const existingVoltageOptions = (hv: boolean) => voltageOptions(undefined, hv);
