import { splitSnippet } from './highlight';

/** A server snippet with its matched words (wrapped in 【】 by the server) marked. */
export function SnippetText({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
