// Migration 0002: what the contract lifecycle records beyond its status (issue 5): the date the customer
// signed, an optional scanned copy, the reason of a void, and whether a print was a 副本 (reprint of a signed
// contract). Additive only, so HQ readers of 0001 keep working.
export default /* sql */ `
ALTER TABLE contracts ADD COLUMN signed_on TEXT;
ALTER TABLE contracts ADD COLUMN scan_document_id INTEGER REFERENCES documents (id);
ALTER TABLE contracts ADD COLUMN void_reason TEXT;
ALTER TABLE print_log ADD COLUMN is_copy INTEGER NOT NULL DEFAULT 0;

-- Signing locks the scheme (REFERENCE.md §6.3, R-GATE-03): no new version while a signed contract stands.
-- The documents service refuses first with a typed error; this trigger guards every other writer.
CREATE TRIGGER supply_scheme_locked_by_signed_contract BEFORE INSERT ON supply_scheme_versions
WHEN EXISTS (SELECT 1 FROM contracts WHERE application_id = NEW.application_id AND status = 'signed')
BEGIN
  SELECT RAISE(ABORT, '供用电合同已签订，供电方案已锁定：如确需变更，请先作废该合同（注明原因）并重新签订。');
END;
-- Nor may a draft written before the signature be approved afterwards: it would supersede the signed version.
CREATE TRIGGER supply_scheme_approval_locked_by_signed_contract BEFORE UPDATE OF status ON supply_scheme_versions
WHEN NEW.status = 'approved' AND OLD.status = 'draft'
  AND EXISTS (SELECT 1 FROM contracts WHERE application_id = NEW.application_id AND status = 'signed')
BEGIN
  SELECT RAISE(ABORT, '供用电合同已签订，供电方案已锁定：如确需变更，请先作废该合同（注明原因）并重新签订。');
END;
`;
