/**
 * 恢复页 recovery page: what the desktop window and the web harness show instead of the app when the hall
 * database is refused at start-up (main/db/startupCheck.ts). Self-contained HTML (no script, one hashed style)
 * so it appears even when nothing else of the app can start: never a white screen.
 */
import { createHash } from 'node:crypto';
import type { RefusalReason } from '../../db/startupCheck';

/** One backup copy as the backup service lists it (storage's list function fills this in). */
export interface BackupSummary {
  file: string;
  /** ISO instant the copy was taken. */
  at: string;
  /** True when the copy passed integrity_check and audit verify after it was written. */
  good: boolean;
}

export interface RecoveryInfo {
  reason: RefusalReason;
  /** The refused database file. */
  file: string;
  dataDir: string;
  /** The refusal's Chinese message (technical detail). */
  message: string;
  /** Backups found, newest first; undefined when no backup listing is available in this build. */
  backups?: BackupSummary[];
  /**
   * Where the page may post a restore of the newest good copy, with the token expected there (recoveryDesk.ts,
   * served by the web harness and by the desktop's recovery window). Absent: the page gives the command only.
   */
  restoreForm?: { action: string; token: string };
}

const HEADINGS: Record<RefusalReason, { title: string; explanation: string; next: string }> = {
  CORRUPT: {
    title: '数据库文件已损坏',
    explanation: '营业厅数据库文件的内容已损坏（可能是磁盘故障、断电或文件被其他程序改动），程序无法读取它。',
    next: '请从最近一次完好的备份恢复。',
  },
  NOT_SQLITE: {
    title: '数据库文件无法识别',
    explanation: '数据目录中的数据库文件不是 SQLite 数据库文件（可能被其他文件覆盖，或已严重损坏）。',
    next: '请从最近一次完好的备份恢复。',
  },
  FOREIGN: {
    title: '这不是本系统的数据库',
    explanation:
      '数据目录中的文件是其他程序的 SQLite 数据库，不是营业厅数据库。为免破坏其他程序的数据，本程序不会打开它。',
    next: '请检查数据目录是否选错（启动参数 --data 或环境变量 YEKUO_DATA）；如确为本营业厅的数据目录，请从备份恢复。',
  },
  NEWER: {
    title: '数据库来自更新版本的客户端',
    explanation: '此数据库已被更新版本的客户端升级过，本版本无法安全地读取它。',
    next: '请安装最新版本的客户端后再打开；不要用旧版本恢复备份覆盖它。',
  },
};

const STYLE = `
body { margin: 0; font: 15px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f1f1f;
  background: #f0f2f5; }
main { max-width: 820px; margin: 48px auto; background: #fff; border-radius: 8px; padding: 32px 40px;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); border-top: 4px solid #cf1322; }
h1 { font-size: 22px; margin: 0 0 4px; color: #a8071a; }
h1.done { color: #135200; }
h2 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 8px 0; }
.untouched { color: #135200; background: #f6ffed; border: 1px solid #b7eb8f; border-radius: 4px; padding: 8px 12px; }
code, .path { font-family: Consolas, "Noto Sans Mono CJK SC", monospace; background: #f5f5f5; padding: 1px 4px;
  border-radius: 3px; word-break: break-all; }
pre { background: #1f1f1f; color: #f0f0f0; padding: 12px 16px; border-radius: 4px; white-space: pre-wrap;
  word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #f0f0f0; }
.good { color: #135200; } .bad { color: #a8071a; }
button { font: inherit; color: #fff; background: #0f5d4e; border: 0; border-radius: 6px; padding: 6px 20px;
  cursor: pointer; }
details { margin-top: 24px; color: #595959; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai (UTC+8, no daylight saving time). */
function shanghaiTime(iso: string): string {
  const date = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ');
}

function restoreCommand(info: RecoveryInfo, file: string): string {
  return `yekuo --data "${info.dataDir}" restore "${file}"`;
}

/** A plain form (the page runs no script):恢复此备份 posts the copy's name and the server's token. */
function restoreButton(info: RecoveryInfo, copy: BackupSummary): string {
  const form = info.restoreForm;
  if (!form) return '';
  const name = copy.file.split(/[\\/]/).pop() ?? copy.file;
  return `<form method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="file" value="${escapeHtml(name)}"><input type="hidden" name="token" value="${escapeHtml(form.token)}">
<p>恢复前会再次校验这份备份；损坏的数据库文件另存为 yekuo.sqlite.before-restore，不会删除。</p>
<button type="submit">恢复此备份</button></form>`;
}

function backupSection(info: RecoveryInfo): string {
  if (info.reason === 'NEWER') return '';
  const backups = info.backups;
  if (backups === undefined) {
    return `<h2>从备份恢复</h2>
<p>请系统管理员选出最近一次完好的备份文件，关闭本程序后在命令行执行：</p>
<pre>${escapeHtml(restoreCommand(info, '备份文件'))}</pre>`;
  }
  const newestGood = backups.find((b) => b.good);
  const rows = backups
    .slice(0, 10)
    .map(
      (b) =>
        `<tr><td>${escapeHtml(shanghaiTime(b.at))}</td><td class="path">${escapeHtml(b.file)}</td>` +
        `<td class="${b.good ? 'good' : 'bad'}">${b.good ? '校验通过' : '校验未通过'}</td></tr>`,
    )
    .join('');
  const newest = newestGood
    ? `<p>最近一次完好的备份：<strong>${escapeHtml(shanghaiTime(newestGood.at))}</strong>。</p>
${restoreButton(info, newestGood)}<p>${info.restoreForm ? '也可以关闭本程序后' : '关闭本程序后'}在命令行执行：</p>
<pre>${escapeHtml(restoreCommand(info, newestGood.file))}</pre>`
    : '<p class="bad">没有找到校验通过的备份：请联系系统管理员。</p>';
  return `<h2>从备份恢复</h2>${newest}
${backups.length > 0 ? `<table><thead><tr><th>备份时间</th><th>文件</th><th>校验</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
}

/** One HTML document with the page's style and a Content-Security-Policy allowing nothing else. */
function htmlDocument(title: string, body: string): string {
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self'">
<title>${escapeHtml(title)} — 业扩报装营业厅客户端</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The page as one HTML document. */
export function recoveryPageHtml(info: RecoveryInfo): string {
  const heading = HEADINGS[info.reason];
  return htmlDocument(
    '无法打开营业厅数据库',
    `<h1>无法打开营业厅数据库：${heading.title}</h1>
<p>${heading.explanation}</p>
<p class="untouched">数据库文件未作任何修改。程序不会在此状态下办理业务，以免数据进一步受损。</p>
<p>数据库文件：<span class="path">${escapeHtml(info.file)}</span></p>
<h2>下一步</h2>
<p>${heading.next}</p>
${backupSection(info)}
<p>如需帮助，请联系系统管理员，并告知上面的文件路径和下面的技术信息。</p>
<details><summary>技术信息</summary><p>${escapeHtml(info.message)}</p></details>`,
  );
}

/** The answer to the page's restore: its outcome and a link back (to the app, or to the page). */
export function recoveryOutcomeHtml(restored: boolean, title: string, text: string, link: string): string {
  return htmlDocument(
    title,
    `<h1${restored ? ' class="done"' : ''}>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n<p><a href="/">${escapeHtml(link)}</a></p>`,
  );
}
