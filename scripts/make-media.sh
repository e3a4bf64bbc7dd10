#!/usr/bin/env bash
# Builds the sample media that stand in for the delegation's own recordings:
# - each podcast episode's MP3, spoken by espeak-ng from the episode's transcript,
#   at the path its `audio` field names (its size, duration and type are measured
#   by the build, src/lib/audio.ts: nothing is written back into the episode);
# - the placeholder video of the film (its captions are hand-written .vtt files).
# Needs: apt-get install -y espeak-ng sox libsox-fmt-all ffmpeg fonts-dejavu-core
# Run from anywhere: bash scripts/make-media.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
for tool in espeak-ng sox ffmpeg ffprobe node; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints "speaker<TAB>text" per transcript segment, then "@src<TAB>path", so the
# words spoken are exactly the transcript shown on the page.
read_episode() {
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { parse } from "yaml";
    const source = readFileSync(process.argv[1], "utf8");
    const data = parse(source.split(/^---$/m)[1]);
    for (const { speaker, text } of data.transcript) {
      process.stdout.write(`${speaker}\t${text.replace(/\s+/g, " ")}\n`);
    }
    process.stdout.write(`@src\t${data.audio}\n`);
  ' "$1"
}

for episode in content/podcast/fr/*.mdx content/podcast/en/*.mdx; do
  [ -e "$episode" ] || continue
  lang="$(basename "$(dirname "$episode")")"
  # Plain "en": espeak-ng ignores the +variant suffix on "en-gb".
  voice="$lang"
  segments=()
  first_speaker=""
  src=""
  index=0
  while IFS=$'\t' read -r speaker text; do
    if [ "$speaker" = "@src" ]; then src="$text"; continue; fi
    [ -n "$first_speaker" ] || first_speaker="$speaker"
    # Two voices, so a listener can tell the narrator from the other speaker.
    variant="f3"
    [ "$speaker" = "$first_speaker" ] || variant="f1"
    index=$((index + 1))
    wav="$work/seg-$index.wav"
    espeak-ng -v "$voice+$variant" -s 150 -w "$wav" "$text"
    sox "$wav" -r 22050 -c 1 "$work/seg-$index-n.wav" pad 0 0.5
    segments+=("$work/seg-$index-n.wav")
  done < <(read_episode "$episode")

  target="public${src}"
  mkdir -p "$(dirname "$target")"
  sox "${segments[@]}" "$work/episode.wav"
  # Mono 40 kbit/s CBR at 22.05 kHz: clear speech, about 5 KB a second.
  ffmpeg -loglevel error -y -i "$work/episode.wav" -map_metadata -1 -id3v2_version 0 \
    -ac 1 -ar 22050 -c:a libmp3lame -b:a 40k "$target"
  size="$(stat -c %s "$target")"
  seconds="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$target")"
  duration="$(printf '%.0f' "$seconds")"
  echo "$target: ${duration} s, ${size} bytes"
  rm -f "$work"/seg-*.wav
done

# The film placeholder: a plain title screen, silent, 20 s, with the same words as
# the cues of public/video/al-hurriya-placeholder.{fr,en}.vtt.
video="public/video/al-hurriya-placeholder.mp4"
mkdir -p public/video
font="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
bold="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
printf '%s' 'Vidéo provisoire / Placeholder video' >"$work/t1.txt"
printf '%s' 'Al Hurriya, Freedom, Liberté' >"$work/t2.txt"
printf '%s' 'Un film de Loup Blaster / A film by Loup Blaster' >"$work/t3.txt"
printf '%s' 'Le film arrive bientôt / The film is coming soon' >"$work/t4.txt"
filters="drawtext=fontfile=$bold:textfile=$work/t1.txt:fontcolor=white:fontsize=30:x=(w-tw)/2:y=60"
filters+=",drawtext=fontfile=$bold:textfile=$work/t2.txt:fontcolor=white:fontsize=34:x=(w-tw)/2:y=(h-th)/2:enable='between(t,6,20)'"
filters+=",drawtext=fontfile=$font:textfile=$work/t3.txt:fontcolor=white:fontsize=22:x=(w-tw)/2:y=h/2+40:enable='between(t,6,13)'"
filters+=",drawtext=fontfile=$font:textfile=$work/t4.txt:fontcolor=white:fontsize=22:x=(w-tw)/2:y=h/2+40:enable='between(t,13,20)'"
ffmpeg -loglevel error -y -f lavfi -i "color=c=0x2e3f55:s=640x360:r=12:d=20" \
  -vf "$filters" -map_metadata -1 -c:v libx264 -preset slow -crf 30 -pix_fmt yuv420p \
  -movflags +faststart -an "$video"
echo "$video: $(stat -c %s "$video") bytes"
