package com.example.hostile.downloads.downloadlimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * The file, as served to one request. Spring answers a Range header itself when a controller
 * returns a Resource: {@link #bytesAsked} works out, with the same {@link HttpRange}, how many
 * bytes that answer will hold; and every byte read from the file to answer is counted
 * ({@link #bytesRead}), so that what a broken connection did not send can be given back.
 */
final class ServedFile extends FileSystemResource {

	private final AtomicLong read = new AtomicLong();

	ServedFile(Path file) {
		super(file);
	}

	/**
	 * The bytes Spring will send for this request: the whole file, or the sum of the ranges asked
	 * (a suffix range is cut to the file, and several ranges must add up to less than the file).
	 * 0 for a Range Spring refuses with 416.
	 */
	long bytesAsked(HttpHeaders request) throws IOException {
		try {
			List<HttpRange> ranges = request.getRange();
			if (ranges.isEmpty()) {
				return contentLength();
			}
			return HttpRange.toResourceRegions(ranges, this).stream().mapToLong(ResourceRegion::getCount).sum();
		}
		catch (IllegalArgumentException refusedWith416) {
			return 0;
		}
	}

	/** The bytes read from the file so far to answer this request. */
	long bytesRead() {
		return read.get();
	}

	@Override
	public InputStream getInputStream() throws IOException {
		InputStream file = super.getInputStream();
		return new InputStream() {

			@Override
			public int read() throws IOException {
				int b = file.read();
				if (b >= 0) {
					read.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = file.read(buffer, offset, length);
				if (n > 0) {
					read.addAndGet(n);
				}
				return n;
			}

			// Skipped bytes (to the start of a range) are not sent.
			@Override
			public long skip(long n) throws IOException {
				return file.skip(n);
			}

			@Override
			public void close() throws IOException {
				file.close();
			}

		};
	}

}
