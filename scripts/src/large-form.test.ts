import { checkDefinition, compileService } from '@samform/model';
import { describe, expect, it } from 'vitest';
import { largeFormDefinition } from './large-form.ts';

describe('largeFormDefinition', () => {
  it('when 200 fields are asked for, then it is a valid definition with 200 fields, 40 of them required', () => {
    const definition = largeFormDefinition(200);
    expect(checkDefinition(definition)).toEqual([]);
    expect(Object.keys(definition.schema.properties as object)).toHaveLength(200);
    expect(definition.schema.required).toHaveLength(40);
    const issues = compileService(definition).validate({});
    expect(issues.filter((i) => i.keyword === 'required')).toHaveLength(40);
  });
});
