import type { DocumentCode } from '../../domain/application';

/** Document names of REFERENCE.md §4.2, as printed in the checklist and in messages. */
export const DOCUMENT_LABELS: Record<DocumentCode, string> = {
  ID_PERSON: '用电人有效身份证明',
  ID_ENTITY: '主体资格证明',
  PROPERTY: '用电地址物业权属证明',
  AGENT: '授权委托书及经办人身份证明',
  LEGAL_REP_ID: '法定代表人（负责人）身份证明',
  COMMITMENT: '承诺书',
  APPLICATION_FORM: '用电申请书',
  PROJECT_APPROVAL: '项目核准/备案文件',
  LOAD_LIST: '用电设备清单/负荷资料',
  IMPORTANT_LOAD: '重要负荷、保安负荷清单及自备应急电源配置',
  TEMP_PROOF: '临时用电依据',
  DESIGN: '受电工程设计文件',
  CONTRACTOR: '施工单位资质证明',
  CONCEALED_WORKS: '隐蔽工程施工记录',
  COMPLETION: '竣工报验资料',
  CONTRACT: '供用电合同',
  NAME_CHANGE: '名称变更证明',
  TITLE_TRANSFER: '产权转移证明',
  SPLIT_MERGE_AGREEMENT: '分户/并户协议',
  USE_CHANGE_PROOF: '用途变更证明',
  ARREARS_CLEAR: '电费结清证明',
};
