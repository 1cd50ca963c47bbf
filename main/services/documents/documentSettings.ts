/**
 * What the documents print about the hall beyond its code and name (供电企业名称, address, telephone, the clerk
 * to contact, the hotline). Kept in the settings table; a document is refused until they are set, because a
 * reply or contract must not go out with a blank where the utility's name belongs.
 */
import { documentSettingsSchema, type DocumentSettings } from '../../../shared/api/documents';
import { getSetting, putSetting } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import type { HallInfo } from '../../pdf/documentRecord';
import type { FontConfig } from '../../pdf/fonts';
import { AppError } from '../errors';
import { requireHall } from '../hall';
import { mutate } from '../mutation';

const KEY = 'documents.hall';

/** The stored settings, or null while they have not been set (系统设置 shows an empty form then). */
export function readDocumentSettings(ctx: HandlerContext): DocumentSettings | null {
  const raw = getSetting(ctx.db, KEY);
  const parsed = raw ? documentSettingsSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : null;
}

function storedSettings(ctx: HandlerContext): DocumentSettings {
  const settings = readDocumentSettings(ctx);
  if (!settings) {
    throw new AppError(
      'ILLEGAL_STATE',
      '尚未设置文书信息（供电企业名称、营业厅地址、电话、经办人、服务热线）：请先执行 yekuo pdf settings 或在设置中填写。',
    );
  }
  return settings;
}

export function documentHall(ctx: HandlerContext): HallInfo {
  const { bodyFont: _body, headingFont: _heading, ...hall } = storedSettings(ctx);
  return { ...hall, name: requireHall(ctx).name };
}

/** The configured fonts, if any (a font is not part of the record: it changes the look, not the content). */
export function documentFonts(ctx: HandlerContext): FontConfig {
  const { bodyFont, headingFont } = storedSettings(ctx);
  return { ...(bodyFont ? { body: bodyFont } : {}), ...(headingFont ? { heading: headingFont } : {}) };
}

export function setDocumentSettings(ctx: HandlerContext, input: DocumentSettings): DocumentSettings {
  return mutate(ctx, ({ db, changeSeq }) => {
    const before = getSetting(db, KEY) ?? null;
    const value = JSON.stringify(documentSettingsSchema.parse(input));
    putSetting(db, KEY, value, changeSeq);
    return {
      result: input,
      audit: {
        action: 'documents.settings',
        entity: 'settings',
        entityId: KEY,
        diff: { [KEY]: { before, after: value } },
      },
    };
  });
}
