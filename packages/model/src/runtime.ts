/**
 * What generated validators call at run time, also from ajv *standalone* code, where it is
 * referenced as `require("@samform/model/runtime")` (the way ajv-formats references its
 * formats). Keep it small and pure: it is bundled into the citizen pages.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { swedishFormats } from './swedish-formats.ts';

export { dateRangeCheck, dateRuleCheck } from './date-checks.ts';

/** Every format a Samform ajv knows, by name; ajv's `code.formats` points here. */
export const formats = { ...fullFormats, ...swedishFormats };

/** The module specifier standalone code uses to reach this module. */
export const RUNTIME_MODULE = '@samform/model/runtime';
