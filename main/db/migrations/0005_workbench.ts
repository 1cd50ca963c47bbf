// Migration 0005: indexes for the clerk's workstation (issue 6): 申请查询 sorted by 到期日, the 工作台 counts and
// the panel of deferred documents falling due. Indexes only, no change to any table, so HQ readers are unaffected.
// Each index is partial: it holds only the rows that have a running clock, are in progress, or are deferred,
// which at 1,000,000 applications is about a tenth of them (the rest are archived or cancelled).
export default /* sql */ `
-- 到期日 order: keyset pages on (due_date, id) in both directions. Every filter column of list and search is in
-- the index, so a filtered page is read from the index alone; only the page's own rows are fetched.
CREATE INDEX applications_due_order ON applications (
  due_date, id, warn_date, status, stage, business_type, customer_class, application_date, assignee
) WHERE due_date IS NOT NULL;

-- In-progress applications by stage with their deadline columns: the approval counts of the workbench and the
-- scan behind the deferred-documents panel, without reading the (large) rows.
CREATE INDEX applications_active ON applications (stage, business_type, customer_class, due_date, warn_date)
WHERE status = 'ACTIVE';

-- 我的待办: a user's in-progress applications by stage and deadline.
CREATE INDEX applications_active_assignee ON applications (assignee, stage, due_date, warn_date)
WHERE status = 'ACTIVE' AND assignee IS NOT NULL;

-- 容缺 documents still outstanding, with the stage they are due at.
CREATE INDEX required_documents_deferred ON required_documents (application_id, due_stage)
WHERE status = 'DEFERRED';
`;
