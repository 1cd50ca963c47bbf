import { useEffect, useState } from 'react';
import type { RuleProfile } from '../../../shared/rules';
import { api } from '../api';

/**
 * The province profile the main process enforces, so the checks while typing agree with the check on save.
 * Until it arrives (or if it cannot be read) the built-in defaults apply, and the save still decides.
 */
export function useProfileInForce(): RuleProfile | undefined {
  const [profile, setProfile] = useState<RuleProfile>();
  useEffect(() => {
    let live = true;
    void api.settings.profile().then((result) => {
      if (live && result.ok) setProfile(result.value.profile);
    });
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
