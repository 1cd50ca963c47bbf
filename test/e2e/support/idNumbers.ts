import { ricCheckChar } from '../../../shared/rules';

/** A Nanjing resident's ID number body (region, birth date, sequence) that the intake tests type. */
const ID_BODY = '32010219850612301';

/** That ID number with its GB 11643 check digit. */
export const VALID_ID = ID_BODY + ricCheckChar(ID_BODY);

/** The same number with a wrong check digit: R-ID-02 refuses it. */
export const WRONG_ID = ID_BODY + (ricCheckChar(ID_BODY) === '0' ? '1' : '0');
