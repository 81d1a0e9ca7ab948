//! Long documents on several threads: consecutive runs of the work, of about equal size, each
//! on a thread of its own, the results in order.
//!
//! A news article takes a fraction of a millisecond at each stage, less than starting a
//! thread is worth: below [`BYTES_PER_THREAD`] of text everything stays on the calling thread.

use std::sync::OnceLock;

/// Text below which work stays on one thread. Each thread gets at least this much.
pub(crate) const BYTES_PER_THREAD: usize = 128 * 1024;

/// Most threads one stage starts.
const MAX_THREADS: usize = 16;

/// How many threads `bytes` of text are worth: one for each [`BYTES_PER_THREAD`], no more
/// than the machine has cores. Short texts do not ask the system (which reads the cgroup
/// files, the first time).
pub(crate) fn threads_for(bytes: usize) -> usize {
    let wanted = (bytes / BYTES_PER_THREAD).min(MAX_THREADS);
    if wanted <= 1 {
        return 1;
    }
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    wanted.min(cores)
}

/// `f` of consecutive runs of `items`, at most `threads` of them and of about equal `size`,
/// in order. Each run but the first is mapped on a thread of its own, the first on this one;
/// a thread that cannot be started leaves its run to this one, and a panic in one is
/// resumed here. One thread (or one item) maps all the items as one run.
pub(crate) fn map_runs<'t, T: Sync, R: Send>(
    items: &'t [T],
    threads: usize,
    size: impl Fn(&T) -> usize,
    f: impl Fn(&'t [T]) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return vec![f(items)];
    }
    let total: usize = items.iter().map(&size).sum();
    let per = total.div_ceil(threads).max(1);
    let mut runs: Vec<&[T]> = Vec::with_capacity(threads);
    let (mut start, mut acc) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        acc += size(item);
        if acc >= per && runs.len() + 1 < threads {
            runs.push(&items[start..=i]);
            (start, acc) = (i + 1, 0);
        }
    }
    if start < items.len() {
        runs.push(&items[start..]);
    }
    std::thread::scope(|scope| {
        let f = &f;
        let others: Vec<_> = (runs.iter().skip(1))
            .map(|&run| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || f(run))
                    .map_err(|_| run)
            })
            .collect();
        let mut out = Vec::with_capacity(runs.len());
        out.push(f(runs[0]));
        for other in others {
            out.push(match other {
                Ok(handle) => match handle.join() {
                    Ok(r) => r,
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(run) => f(run),
            });
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_items_in_order() {
        let items: Vec<usize> = (1..=50).collect();
        for threads in [1, 2, 3, 7, 49, 50, 80] {
            let runs = map_runs(&items, threads, |&n| n, <[usize]>::to_vec);
            assert!(runs.len() <= threads.max(1), "{threads}: {}", runs.len());
            assert!(runs.iter().all(|r| !r.is_empty()), "{threads}");
            assert_eq!(runs.concat(), items, "{threads}");
        }
        // Runs of about equal size: 1,275 split three ways.
        let runs = map_runs(&items, 3, |&n| n, |r| r.iter().sum::<usize>());
        assert_eq!(runs.len(), 3);
        assert!(runs.iter().all(|&s| (300..=550).contains(&s)), "{runs:?}");
        // Nothing to split, and items of no size.
        assert_eq!(map_runs(&[] as &[usize], 4, |&n| n, <[usize]>::len), [0]);
        assert_eq!(map_runs(&[0usize; 9], 3, |&n| n, <[usize]>::len), [9]);
    }

    #[test]
    fn short_texts_stay_on_one_thread() {
        assert_eq!(threads_for(0), 1);
        assert_eq!(threads_for(BYTES_PER_THREAD), 1);
        assert_eq!(threads_for(2 * BYTES_PER_THREAD - 1), 1);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(threads_for(2 * BYTES_PER_THREAD), cores.min(2));
        assert_eq!(threads_for(usize::MAX), cores.min(MAX_THREADS));
    }

    #[test]
    #[should_panic(expected = "run failed")]
    fn a_panic_in_a_run_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map_runs(&items, 3, |_| 1, |r| assert!(!r.contains(&9), "run failed"));
    }
}
