import { useState } from 'react';

const SHOWN_PARAGRAPHS = 3;

/** The merchant's text, first paragraphs only until the shopper asks for the rest. */
export function ProductDescription({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const paragraphs = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const long = paragraphs.length > SHOWN_PARAGRAPHS;
  const shown = expanded || !long ? paragraphs : paragraphs.slice(0, SHOWN_PARAGRAPHS);
  if (paragraphs.length === 0) return null;
  return (
    <div className="description" id="product-description">
      {shown.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {long && (
        <button type="button" className="link-button" aria-expanded={expanded} aria-controls="product-description" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Read the full description'}
        </button>
      )}
    </div>
  );
}
