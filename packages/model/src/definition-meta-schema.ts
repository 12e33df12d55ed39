/**
 * The meta-schema of the ServiceDefinition format (JSON Schema draft-07), for `checkDefinition`
 * and for editors. What a schema cannot say (labels for every field, steps naming real fields,
 * the JSON Schema compiling in strict mode) is checked in code by `checkDefinition`.
 */
export const definitionMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://samform.se/schemas/service-definition.json',
  title: 'Samform e-service definition',
  type: 'object',
  definitions: {
    localText: {
      type: 'object',
      required: ['sv'],
      properties: { sv: { type: 'string', minLength: 1 } },
      // BCP 47-like keys: sv, en, sma, fi, fit, se-SE.
      propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
      additionalProperties: { type: 'string' },
    },
    localTexts: {
      type: 'object',
      additionalProperties: { $ref: '#/definitions/localText' },
    },
    fieldTexts: {
      type: 'object',
      required: ['label'],
      properties: {
        label: { $ref: '#/definitions/localText' },
        help: { $ref: '#/definitions/localText' },
        options: { $ref: '#/definitions/localTexts' },
        errors: { $ref: '#/definitions/localTexts' },
      },
      additionalProperties: false,
    },
    condition: {
      type: 'object',
      anyOf: [
        { required: ['field', 'equals'], properties: { field: { type: 'string' }, equals: {} }, additionalProperties: false },
        { required: ['field', 'in'], properties: { field: { type: 'string' }, in: { type: 'array' } }, additionalProperties: false },
        { required: ['field', 'isSet'], properties: { field: { type: 'string' }, isSet: { type: 'boolean' } }, additionalProperties: false },
        { required: ['all'], properties: { all: { type: 'array', items: { $ref: '#/definitions/condition' } } }, additionalProperties: false },
        { required: ['any'], properties: { any: { type: 'array', items: { $ref: '#/definitions/condition' } } }, additionalProperties: false },
      ],
    },
    slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
    queue: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    localId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
  },
  required: ['id', 'title', 'schema', 'texts', 'routing'],
  properties: {
    id: { $ref: '#/definitions/slug' },
    title: { $ref: '#/definitions/localText' },
    description: { $ref: '#/definitions/localText' },
    category: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    identification: { enum: ['anonymous', 'optional', 'e-id'] },
    schema: {
      type: 'object',
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        // An empty form is a fine draft; checkForPublish asks for at least one question.
        properties: { type: 'object' },
      },
    },
    uiSchema: { type: 'object' },
    texts: {
      type: 'object',
      additionalProperties: { $ref: '#/definitions/fieldTexts' },
    },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'fields'],
        properties: {
          id: { $ref: '#/definitions/localId' },
          title: { $ref: '#/definitions/localText' },
          fields: { type: 'array', items: { type: 'string' } },
          showWhen: { $ref: '#/definitions/condition' },
        },
        additionalProperties: false,
      },
    },
    routing: {
      type: 'object',
      required: ['queue'],
      properties: {
        queue: { $ref: '#/definitions/queue' },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            required: ['when', 'queue'],
            properties: {
              when: { $ref: '#/definitions/condition' },
              queue: { $ref: '#/definitions/queue' },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    workflow: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title'],
        properties: {
          id: { $ref: '#/definitions/localId' },
          title: { $ref: '#/definitions/localText' },
          final: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
    receipt: {
      type: 'object',
      required: ['nextSteps'],
      properties: { nextSteps: { $ref: '#/definitions/localText' } },
      additionalProperties: false,
    },
    privacyNotice: { $ref: '#/definitions/localText' },
  },
  additionalProperties: false,
} as const;
