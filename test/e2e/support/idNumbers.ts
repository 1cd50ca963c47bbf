import { ricCheckChar, usccCheckChar } from '../../../shared/rules';
import { orgCodeCheckChar } from '../../../shared/rules/ids/orgCode';

/** A Nanjing resident's ID number body (region, birth date, sequence) that the intake tests type. */
const ID_BODY = '32010219850612301';

/** That ID number with its GB 11643 check digit. */
export const VALID_ID = ID_BODY + ricCheckChar(ID_BODY);

/** The same number with a wrong check digit: R-ID-02 refuses it. */
export const WRONG_ID = ID_BODY + (ricCheckChar(ID_BODY) === '0' ? '1' : '0');

/** A Nanjing (Qixia, 320113) company's 统一社会信用代码 body, with a valid organisation-code check character. */
const USCC_ORG_BODY = 'MA1X0Y2T';
const USCC_BODY = `91320113${USCC_ORG_BODY}${orgCodeCheckChar(USCC_ORG_BODY) ?? ''}`;

/** That credit code with its GB 32100 check character. */
export const VALID_USCC = USCC_BODY + usccCheckChar(USCC_BODY);
