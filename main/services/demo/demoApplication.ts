/** One realistic synthetic application record for a business type and class (demo data, benchmarks, tests). */
import type { ApplicationInput, DocumentEntry, VoltageCode } from '../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, type BusinessType, type CustomerClass, type Stage } from '../../../shared/domain/codes';
import { generateMobile, generateRic, generateUscc } from './identifiers';
import { generateAddress, generateOrgName, generatePersonName } from './names';
import type { Prng } from './prng';

export interface DemoOptions {
  type: BusinessType;
  cls: CustomerClass;
  applicationDate: string;
  /** A plan stage the application will not leave: deferred documents may fall due there. */
  deferUntil: Stage | null;
  /** Stages the application will enter: a signed contract must exist before METER_CONNECT. */
  stagesToReach: readonly Stage[];
}

function capacity(
  rng: Prng,
  cls: CustomerClass,
): Pick<ApplicationInput, 'voltageCode' | 'requestedCapacityKw' | 'requestedCapacityKva' | 'transformers'> {
  if (cls === 'LVR') {
    const kw = rng.pick([4, 6, 8, 10, 12, 16, 20]);
    const voltageCode: VoltageCode = kw <= 8 ? 'AC02202' : 'AC03802';
    return { voltageCode, requestedCapacityKw: kw };
  }
  if (cls === 'LVN') return { voltageCode: 'AC03802', requestedCapacityKw: rng.pick([15, 30, 50, 80, 100, 120, 160]) };
  const ratingKva = rng.pick([250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000]);
  const count = rng.int(1, 3);
  return { voltageCode: 'AC00101', requestedCapacityKva: ratingKva * count, transformers: [{ ratingKva, count }] };
}

function documents(rng: Prng, person: boolean, opts: DemoOptions): DocumentEntry[] {
  const docs: DocumentEntry[] = [
    { code: person ? 'ID_PERSON' : 'ID_ENTITY', status: 'RECEIVED' },
    { code: 'APPLICATION_FORM', status: 'RECEIVED' },
  ];
  // 容缺: property proof deferred to a stage the application has not left yet.
  if (opts.deferUntil && rng.chance(0.5)) {
    docs.push({ code: 'PROPERTY', status: 'DEFERRED', dueStage: opts.deferUntil });
    docs.push({ code: 'COMMITMENT', status: 'RECEIVED' });
  } else {
    docs.push({ code: 'PROPERTY', status: 'RECEIVED' });
  }
  if (opts.stagesToReach.includes('METER_CONNECT') || rng.chance(0.5))
    docs.push({ code: 'CONTRACT', status: 'RECEIVED' });
  return docs;
}

export function demoApplication(rng: Prng, opts: DemoOptions): ApplicationInput {
  const person = opts.cls === 'LVR' || (opts.cls === 'LVN' && rng.chance(0.3));
  const hv = opts.cls === 'HV';
  const dual = hv && rng.chance(0.2);
  const important = hv && rng.chance(0.12);
  const name = person ? generatePersonName(rng) : generateOrgName(rng);
  const app: ApplicationInput = {
    businessType: opts.type,
    customerClass: opts.cls,
    customer: {
      kind: person ? 'PERSON' : 'ORG',
      name,
      idType: person ? 'RIC' : 'USCC',
      idNumber: person ? generateRic(rng) : generateUscc(rng),
      phone: generateMobile(rng),
      ...(person ? {} : { legalRep: { name: generatePersonName(rng), idNumber: generateRic(rng) } }),
    },
    site: { regionCode: '320100', address: generateAddress(rng, opts.cls === 'LVR') },
    ...capacity(rng, opts.cls),
    tariff: {
      category: opts.cls === 'LVR' ? 'RESIDENTIAL' : hv ? 'LARGE_INDUSTRY' : 'COMMERCIAL_INDUSTRIAL',
      ...(hv ? { structure: 'TWO_PART' as const, capacityChargeBasis: 'CAPACITY' as const } : {}),
    },
    applicationDate: opts.applicationDate,
    documents: documents(rng, person, opts),
  };
  if (BUSINESS_TYPE_INFO[opts.type].needsAccount) app.accountNo = `${rng.int(1, 9)}${rng.digits(9)}`;
  if (hv) {
    app.supplies = [
      { nature: 'MAIN', substation: `${rng.pick(['秣陵', '东山', '燕子矶', '仙林', '河西'])}110千伏变电站` },
      ...(dual ? [{ nature: 'STANDBY' as const, substation: '方山110千伏变电站' }] : []),
    ];
    app.loadGrade = important ? 'SECOND' : 'THIRD';
    if (important) {
      app.importance = '03';
      app.securityLoadKw = 100;
      app.emergencySourceKw = 150;
    }
    app.metering = { method: '1' };
    app.powerFactorStandard = '0.90';
  }
  if (opts.type === 'NEW_TEMP' || opts.type === 'TEMP_EXTEND')
    app.endDate = `${Number(opts.applicationDate.slice(0, 4)) + 1}${opts.applicationDate.slice(4)}`;
  return app;
}
