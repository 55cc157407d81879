import { Blob } from 'buffer';
import { FormData, Response } from 'undici';

/** A multipart/form-data body with its boundary, ready to send (and to resend on a retry). */
export interface MultipartBody {
  readonly body: Buffer;
  /** `multipart/form-data; boundary=...`, as the form encoder chose it. */
  readonly contentType: string;
}

/**
 * The body of `POST /v1/clusterprofiles/import/file`: one file part named `importFile`,
 * with the file name and type `application/json` (palette-api.md §6.2). The platform's form
 * encoder writes the boundary (§6.1 "let the library add the boundary"); encoding to bytes
 * up front lets the retry agent send the same body again.
 */
export async function encodeImportFile(bytes: Uint8Array, fileName: string): Promise<MultipartBody> {
  const form = new FormData();
  form.append('importFile', new Blob([bytes], { type: 'application/json' }), fileName);
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (!contentType?.startsWith('multipart/form-data')) throw new Error(`form encoder gave content type '${contentType}'`);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType };
}
