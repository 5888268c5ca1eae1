package com.example.plain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on as many threads, released together, as doubled clicks and webhook deliveries arrive. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Runs every call at the same moment; returns their results in order, or throws the first failure. */
	public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** The same call, {@code times} times at once. */
	public static <T> List<T> run(int times, Callable<T> call) throws Exception {
		return run(Collections.nCopies(times, call));
	}

}
