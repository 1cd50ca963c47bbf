/**
 * 合同容量 (REFERENCE.md §5.2): for high voltage the receiving transformers in kVA plus the HV motors not fed
 * through a transformer (kW counted as kVA); for low voltage the approved kW. The one computation the scheme
 * check, the scheme reply and the contract all use, so the papers never state two different capacities.
 */
import type { SupplyScheme } from './scheme';

export interface ContractCapacity {
  value: number;
  unit: 'kVA' | 'kW';
  /** HV: the transformer part and the motor part the value is made of. */
  transformersKva?: number;
  hvMotorKw?: number;
}

type CapacityOf = Pick<SupplyScheme, 'approvedCapacityKva' | 'approvedCapacityKw' | 'receiving'>;

export function transformerTotalKva(transformers: readonly { ratingKva: number; count: number }[]): number {
  return transformers.reduce((sum, t) => sum + t.ratingKva * t.count, 0);
}

/** undefined while the scheme has no capacity at all (an incomplete draft). */
export function contractCapacity(scheme: CapacityOf): ContractCapacity | undefined {
  if (scheme.approvedCapacityKva === undefined) {
    return scheme.approvedCapacityKw === undefined ? undefined : { value: scheme.approvedCapacityKw, unit: 'kW' };
  }
  const listed = scheme.receiving?.transformers ?? [];
  // The approved kVA is the transformer total (a scheme check keeps them equal); the motors come on top.
  const transformersKva = listed.length ? transformerTotalKva(listed) : scheme.approvedCapacityKva;
  const hvMotorKw = scheme.receiving?.hvMotorKw ?? 0;
  return { value: transformersKva + hvMotorKw, unit: 'kVA', transformersKva, hvMotorKw };
}

/** "3030 kVA（含高压电动机 400 kW）", or "2630 kVA", or "12 kW". */
export function formatContractCapacity(capacity: ContractCapacity): string {
  const motors = capacity.hvMotorKw
    ? `（含受电变压器 ${capacity.transformersKva} kVA、高压电动机 ${capacity.hvMotorKw} kW）`
    : '';
  return `${capacity.value} ${capacity.unit}${motors}`;
}
