import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../main/cli/terminalSafe';

describe('terminalSafe', () => {
  it('shows ESC, OSC, bare CR, other controls and bidi overrides as visible escapes', () => {
    expect(terminalSafe('南京\u001b[2J\u001b[31m路')).toBe('南京\\u001b[2J\\u001b[31m路');
    expect(terminalSafe('\u001b]8;;https://evil.example\u0007点我\u001b]8;;\u0007')).toBe(
      '\\u001b]8;;https://evil.example\\u0007点我\\u001b]8;;\\u0007',
    );
    expect(terminalSafe('覆盖\r伪造')).toBe('覆盖\\u000d伪造');
    expect(terminalSafe('a\u009bb\u0000c\u202ed')).toBe('a\\u009bb\\u0000c\\u202ed');
  });

  it('keeps newlines, tabs, CRLF and ordinary text', () => {
    const text = '申请编号\tNJ0101-20260302-0001\r\n江宁区天元中路 1 号\n';
    expect(terminalSafe(text)).toBe(text);
  });
});
