import { AppError, FIELD_LIMITS, VIETNAM_MOBILE } from '../../../common/src';
import { isEmailAddress } from './email-address.rule';

/** The person who submits the dossier, as stored (personal data: never shown publicly unmasked). */
export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string;
  address?: string;
}

/** CCCD (12 digits, since 2016) or the old CMND (9 digits). */
const ID_NUMBER = /^(\d{12}|\d{9})$/;
/** Mobile numbers after the 2018 renumbering (libs/common, shared with the citizens' sign-in). */
const PHONE = VIETNAM_MOBILE;

/** Checks and normalises an applicant; 400 `APPLICANT_INVALID` with one detail per bad field. */
export function checkApplicant(input: Partial<Record<keyof Applicant, unknown>> | undefined): Applicant {
  const problems: { field: string; message: string }[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const fullName = text(input?.fullName).replace(/\s+/g, ' ');
  const idNumber = text(input?.idNumber);
  const phone = text(input?.phone).replace(/[\s.-]/g, '');
  const email = text(input?.email);
  const address = text(input?.address);
  if (!fullName || fullName.length > FIELD_LIMITS.personName)
    problems.push({ field: 'fullName', message: `Họ và tên là bắt buộc (tối đa ${FIELD_LIMITS.personName} ký tự)` });
  if (!ID_NUMBER.test(idNumber))
    problems.push({ field: 'idNumber', message: 'Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)' });
  if (!PHONE.test(phone)) problems.push({ field: 'phone', message: 'Số điện thoại không hợp lệ' });
  if (email && !isEmailAddress(email))
    problems.push({ field: 'email', message: `Thư điện tử không hợp lệ (tối đa ${FIELD_LIMITS.email} ký tự)` });
  if (address.length > FIELD_LIMITS.address)
    problems.push({ field: 'address', message: `Địa chỉ tối đa ${FIELD_LIMITS.address} ký tự` });
  if (problems.length) {
    throw AppError.badRequest(
      'APPLICANT_INVALID',
      `Invalid applicant: ${problems.map((p) => p.field).join(', ')}`,
      problems,
    );
  }
  return { fullName, idNumber, phone, ...(email ? { email } : {}), ...(address ? { address } : {}) };
}
