// Editor fields derived from the content schemas, so that what the editor at
// /admin/ asks for, requires and explains is what the build accepts. The zod
// schema is read through its JSON Schema (the input side: what a file holds),
// and each field's `.describe()` text becomes the help shown under it.
import { z } from 'zod';
import type { Field } from '@sveltia/cms';

/** How a collection's fields differ from what the schema alone says. */
export interface FieldOptions {
  /**
   * Field paths ("date", "hero.image") whose value is the same in both
   * languages: entered once, in French, and copied to English.
   */
  shared?: readonly string[];
  /** Field paths to edit in a multi-line box rather than a one-line input. */
  multiline?: readonly string[];
  /** Field paths filled in by the build or by developers, not shown in the editor. */
  hidden?: readonly string[];
  /** Fields that hold an uploaded file, by path, where the schema says only "a path". */
  media?: Readonly<Record<string, { widget: 'file' | 'image'; accept?: string }>>;
  /** Labels by field path, where the field name alone is not clear. */
  labels?: Readonly<Record<string, string>>;
  /** Whether the collection has a version per language (false: both in one file). */
  translated: boolean;
}

/** What the editor needs to know of a file or relation field; set with `.meta()` on the schema. */
export const mediaMeta = (widget: 'image' | 'file') => ({ widget });
export const relationMeta = (collection: string) => ({ widget: 'relation', collection });

type JsonSchema = {
  type?: string | string[];
  format?: string;
  description?: string;
  title?: string;
  enum?: (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  widget?: 'image' | 'file' | 'relation';
  collection?: string;
};

/** What every field has, whatever its widget. */
interface Common {
  name: string;
  label: string;
  hint?: string;
  required?: false;
  i18n?: 'translate' | 'duplicate';
}

/** The schema's JSON Schema for what files hold (dates are written YYYY-MM-DD). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema._zod.def.type === 'date') {
        context.jsonSchema.type = 'string';
        context.jsonSchema.format = 'date';
      }
    },
  }) as JsonSchema;
}

/** The editor fields of an object schema. */
export function fieldsOf(schema: z.ZodType, options: FieldOptions): Field[] {
  const json = inputJsonSchema(schema);
  return objectFields(json, '', options);
}

function objectFields(json: JsonSchema, prefix: string, options: FieldOptions): Field[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {})
    .filter(([name]) => !(options.hidden ?? []).includes(prefix + name))
    .map(([name, property]) => fieldOf(name, property, prefix + name, required.has(name), options));
}

function fieldOf(
  name: string,
  json: JsonSchema,
  path: string,
  required: boolean,
  options: FieldOptions,
): Field {
  const common: Common = {
    name,
    label: options.labels?.[path] ?? json.title ?? humanise(name),
    ...(json.description === undefined ? {} : { hint: json.description }),
    // Sveltia's default is required; say so only when the schema lets it be empty.
    ...(required ? {} : { required: false }),
    ...(options.translated ? { i18n: translation(path, options) } : {}),
  };
  const variant = json.anyOf?.find((option) => option.type === 'string') ?? json;
  const media = options.media?.[path];
  if (media !== undefined) return { ...common, ...media };
  if (json.widget === 'image' || json.widget === 'file') {
    return { ...common, widget: json.widget };
  }
  if (json.widget === 'relation' && json.collection !== undefined) {
    return {
      ...common,
      widget: 'relation',
      collection: json.collection,
      // Entries are referred to by id, which is the file's path: "fr/mobile-clinic".
      value_field: '{{locale}}/{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
    };
  }
  if (json.enum !== undefined) {
    return {
      ...common,
      widget: 'select',
      options: json.enum.map(String),
      ...(typeof json.default === 'string' ? { default: json.default } : {}),
    };
  }
  switch (variant.type) {
    case 'object':
      return { ...common, widget: 'object', fields: objectFields(variant, `${path}.`, options) };
    case 'array':
      return listField(common, variant, path, options);
    case 'boolean':
      return {
        ...common,
        widget: 'boolean',
        ...(typeof json.default === 'boolean' ? { default: json.default } : {}),
      };
    case 'integer':
    case 'number':
      return {
        ...common,
        widget: 'number',
        value_type: variant.type === 'integer' ? 'int' : 'float',
        ...(bounded(variant.minimum) ? { min: variant.minimum } : {}),
        ...(bounded(variant.maximum) ? { max: variant.maximum } : {}),
        ...(typeof json.default === 'number' ? { default: json.default } : {}),
      };
    default:
      if (variant.format === 'date') return { ...common, widget: 'datetime', type: 'date' };
      return stringField(common, variant, path, options);
  }
}

function stringField(common: Common, json: JsonSchema, path: string, options: FieldOptions): Field {
  const pattern = browserPattern(json);
  return {
    ...common,
    widget: (options.multiline ?? []).includes(path) ? 'text' : 'string',
    ...(json.format === 'uri' ? { type: 'url' as const } : {}),
    ...(json.minLength !== undefined && json.minLength > 1 ? { minlength: json.minLength } : {}),
    ...(json.maxLength === undefined ? {} : { maxlength: json.maxLength }),
    ...(pattern === undefined ? {} : { pattern }),
  };
}

function listField(common: Common, json: JsonSchema, path: string, options: FieldOptions): Field {
  const items = json.items ?? {};
  const sizes = {
    ...(json.minItems === undefined ? {} : { min: json.minItems }),
    ...(json.maxItems === undefined ? {} : { max: json.maxItems }),
  };
  if (items.type === 'object') {
    return {
      ...common,
      widget: 'list',
      ...sizes,
      fields: objectFields(items, `${path}.`, { ...options, translated: false }),
    };
  }
  return { ...common, widget: 'list', ...sizes };
}

/** A pattern the browser's RegExp understands as the schema does (no Unicode classes). */
function browserPattern(json: JsonSchema): [string, string] | undefined {
  if (json.pattern === undefined || /\\p\{/.test(json.pattern)) return undefined;
  return [json.pattern, 'This value does not have the expected form: see the help below.'];
}

const bounded = (value: number | undefined): value is number =>
  value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function translation(path: string, options: FieldOptions): 'translate' | 'duplicate' {
  const shared = options.shared ?? [];
  return shared.includes(path) || shared.some((prefix) => path.startsWith(`${prefix}.`))
    ? 'duplicate'
    : 'translate';
}

/** "heroImage" → "Hero image". */
export function humanise(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
