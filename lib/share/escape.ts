import { isWebUrl } from '../infra/limits';

/**
 * Page titles are untrusted: in Markdown a title like "[click](https://evil)" or "**x**" must
 * stay text. Backslash-escape what starts links, emphasis, code and HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (ch) => `\\${ch}`);
}

/**
 * A line that starts a block (a quote's text inside `> `): besides `escapeMarkdown`, a leading
 * `#`, `>`, `-`, `+`, `=`, `|` or `1.` would make it a heading, a nested quote or a list.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([#>+=|-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A URL safe inside `(…)`: parentheses and spaces percent-encoded. Undefined unless http(s). */
export function markdownUrl(url: string | undefined): string | undefined {
  if (!isWebUrl(url)) return undefined;
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** `[title](url)`, or the escaped title alone when there is no usable link. */
export function markdownLink(title: string, url: string | undefined): string {
  const href = markdownUrl(url);
  const text = escapeMarkdown(title);
  return href ? `[${text}](${href})` : text;
}

/** Slack mrkdwn: &, < and > are control characters and must be entities. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|title>` in Slack's own syntax; a `|` in the URL would end it, so it is encoded. */
export function slackLink(title: string, url: string | undefined): string {
  const text = escapeSlack(title).replace(/\|/g, '¦');
  if (!isWebUrl(url)) return text;
  const href = new URL(url).href.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${href}|${text}>`;
}
