// An episode's transcript as a plain-text file, linked from the podcast feed
// (`podcast:transcript`) for apps that show or index it.

/** Served as UTF-8 text: Netlify gives .txt files this type. */
export const transcriptType = 'text/plain';

export interface TranscriptSource {
  /** The episode's title. */
  title: string;
  /** "Transcription" / "Transcript", in the episode's language. */
  heading: string;
  lines: readonly { speaker: string; text: string }[];
  /** How a speaker is introduced in this language: "Narratrice :" or "Narrator:". */
  speakerLabel: (speaker: string) => string;
}

/** Title, heading, then one paragraph per turn, each opened by its speaker. */
export function transcriptText(source: TranscriptSource): string {
  const turns = source.lines.map(
    (line) => `${source.speakerLabel(line.speaker)} ${line.text.replace(/\s+/g, ' ').trim()}`,
  );
  return `${[source.title, source.heading, ...turns].join('\n\n')}\n`;
}
