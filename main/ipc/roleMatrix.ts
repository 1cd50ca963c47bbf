/**
 * docs/role-matrix.md, made from THE handler table: who may call which channel. Written by `npm run docs:roles`;
 * a test fails when the document and the table disagree, and walks every channel × role.
 */
import { CHANNELS, type Channel } from '../../shared/api/contract';
import { ROLE_LABELS, ROLES, roleAtLeast, type Role } from '../../shared/domain/codes';
import type { Access } from './handler';
import { handlers } from './handlers';

export function accessOf(channel: Channel): Access {
  return handlers[channel].role;
}

/** Whether a signed-in user of `role` passes the channel's access check. */
export function roleMayCall(access: Access, role: Role): boolean {
  return access === 'anyone' || access === 'signedIn' || roleAtLeast(role, access);
}

function accessLabel(access: Access): string {
  if (access === 'anyone') return '无需登录';
  if (access === 'signedIn') return '任何已登录用户';
  return `${ROLE_LABELS[access]}及以上`;
}

export function roleMatrixMarkdown(): string {
  const intro = [
    '# 角色权限表 / Role matrix',
    '',
    '由 `npm run docs:roles` 根据处理函数表（main/ipc/handlers.ts）生成，请勿手改；说明见 docs/security.md。',
    'Written from the handler table by `npm run docs:roles`; do not edit. See docs/security.md.',
    '',
  ];
  const header = `| 通道 | 最低权限 | ${ROLES.map((role) => ROLE_LABELS[role]).join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = [...CHANNELS].sort().map((channel) => {
    const access = accessOf(channel);
    const cells = ROLES.map((role) => (roleMayCall(access, role) ? '✓' : '—'));
    return `| \`${channel}\` | ${accessLabel(access)} | ${cells.join(' | ')} |`;
  });
  return `${[...intro, header, rule, ...rows].join('\n')}\n`;
}
