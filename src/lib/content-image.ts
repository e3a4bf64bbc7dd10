// What a picture of the site is given (ContentImage, ContentPicture), and the
// key under which its markup is kept for the rest of a build.
import type { ImageMetadata } from 'astro';

export interface ContentImageProps {
  src: ImageMetadata;
  alt: string;
  /** How wide the picture is shown, for the browser to choose a file. */
  sizes: string;
  widths?: number[];
  /** Only for a picture in view when the page opens. */
  eager?: boolean;
  /** The page's search result shows this picture (a small WebP variant). */
  searchThumbnail?: boolean;
}

/**
 * Names everything a picture's markup depends on: the image file (its address
 * in the build, one per file), its dimensions and every prop.
 */
export const pictureKey = ({
  src,
  alt,
  sizes,
  widths,
  eager,
  searchThumbnail,
}: ContentImageProps): string =>
  `picture ${JSON.stringify([src.src, src.width, src.height, src.format, alt, sizes, widths ?? null, eager ?? false, searchThumbnail ?? false])}`;
