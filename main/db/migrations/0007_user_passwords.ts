// Migration 0007: sign-in (issue 10). Every user gets a scrypt password hash with its own salt and the scrypt
// parameters beside it (so they can be raised later without breaking stored hashes), a flag forcing a change
// at the next sign-in (after an administrator's reset), and the lockout state (5 failures lock 15 minutes).
// Additive only: new nullable or defaulted columns; existing users have no password until an administrator
// sets one.
export default /* sql */ `
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN password_salt TEXT;
-- JSON {"N":…,"r":…,"p":…,"keyLength":…} of the scrypt call that produced password_hash.
ALTER TABLE users ADD COLUMN password_params TEXT;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
-- ISO instant until which sign-in is refused; NULL when not locked.
ALTER TABLE users ADD COLUMN locked_until TEXT;
`;
