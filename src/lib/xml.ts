// A small XML writer for the feeds: elements as data, escaped once, when written.

export type XmlAttributes = Record<string, string | number | boolean | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  children: XmlChild[];
}

/** Text (escaped when written) or an element; undefined and false are left out. */
export type XmlChild = XmlElement | string | number | undefined | false;

/** An element; attributes whose value is undefined are left out. */
export const el = (
  name: string,
  attributes: XmlAttributes = {},
  ...children: XmlChild[]
): XmlElement => ({ name, attributes, children });

/** An element holding only text (or nothing when the text is undefined). */
export const textEl = (
  name: string,
  text: string | number | undefined,
  attributes: XmlAttributes = {},
): XmlElement | undefined => (text === undefined ? undefined : el(name, attributes, text));

// Characters XML 1.0 does not allow at all, even escaped: matching them is the point.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text made safe for XML content and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(forbidden, '').replace(/[&<>"']/g, (char) => entities[char] ?? char);

const present = (child: XmlChild): child is XmlElement | string | number =>
  child !== undefined && child !== false;

function write(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.children.filter(present);
  if (children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  if (children.every((child) => typeof child !== 'object')) {
    const text = children.map((child) => escapeXml(String(child))).join('');
    return `${indent}<${node.name}${attributes}>${text}</${node.name}>`;
  }
  const inner = children
    .map((child) =>
      typeof child === 'object'
        ? write(child, depth + 1)
        : `${'  '.repeat(depth + 1)}${escapeXml(String(child))}`,
    )
    .join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

/** A whole UTF-8 document, indented by two spaces. */
export const xmlDocument = (root: XmlElement): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0)}\n`;
