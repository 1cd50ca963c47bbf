/**
 * 省级规则配置 province profile: view the one in force, load a new file. A file is refused whole (every bad
 * key named by shared/rules loadProfile) and then the profile in force before stays; an accepted file is
 * stored with its audit entry in one transaction and is in force for the next check (inForce.ts).
 */
import type { ProfileView } from '../../../shared/api/settings';
import { loadProfile } from '../../../shared/rules';
import type { HandlerContext } from '../../ipc/context';
import { fieldDiff } from '../canonicalJson';
import { mutate } from '../mutation';
import { configurationInForce } from './inForce';
import { parseJsonFile, refuseFile } from './jsonFile';
import { storedProfile, storeProfile } from './storedConfig';

const LABEL = '省级规则配置文件';

export function profileView(ctx: HandlerContext): ProfileView {
  const { profile, timeLimits } = configurationInForce(ctx.db);
  return { profile, timeLimits, loaded: storedProfile(ctx.db)?.loaded ?? null };
}

export function loadProvinceProfile(ctx: HandlerContext, text: string): ProfileView {
  const override = parseJsonFile(text, LABEL);
  const load = loadProfile(override);
  if (!load.ok) throw refuseFile(LABEL, load.problems);
  return mutate(ctx, ({ db, changeSeq, clock, session }) => {
    const before = configurationInForce(db).profile;
    storeProfile(db, override, { at: clock.at, by: session.name }, changeSeq);
    return {
      result: profileView(ctx),
      audit: {
        action: 'settings.loadProfile',
        entity: 'settings',
        entityId: 'rules.profile',
        // The values that change, so the audit trail says which thresholds moved, not just "a file".
        diff: fieldDiff(before, load.profile),
      },
    };
  });
}
