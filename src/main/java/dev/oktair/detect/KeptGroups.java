package dev.oktair.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of kept views of one scan, in the order each group began, as handles into a
 * {@link KeptViews} store: per view a handle and the index of the next view of its group, per group
 * its first and last view, all in int and long arrays. Most groups are one event, but a rule grouping
 * by a key joins many into some, and a list or map entry per join would be objects again. Not
 * thread-safe.
 */
final class KeptGroups {
  private final KeptViews views;
  private long[] handles = new long[16];
  /** The index in {@link #handles} of the group's next view, or -1. */
  private int[] next = new int[16];
  private int size;
  private int[] first = new int[16];
  private int[] last = new int[16];
  private int groups;

  KeptGroups(KeptViews views) {
    this.views = views;
  }

  /** Keeps {@code view} as the first of a new group and returns the group's number. */
  int begin(Seen view) {
    if (groups == first.length) {
      first = Arrays.copyOf(first, groups * 2);
      last = Arrays.copyOf(last, groups * 2);
    }
    int i = keep(view);
    first[groups] = i;
    last[groups] = i;
    return groups++;
  }

  /** Keeps {@code view} as the last of group {@code group}. */
  void join(int group, Seen view) {
    int i = keep(view);
    next[last[group]] = i;
    last[group] = i;
  }

  private int keep(Seen view) {
    if (size == handles.length) {
      handles = Arrays.copyOf(handles, size * 2);
      next = Arrays.copyOf(next, size * 2);
    }
    handles[size] = views.add(view);
    next[size] = -1;
    return size++;
  }

  /** Returns how many groups began. */
  int size() {
    return groups;
  }

  /** Returns the views of group {@code group}, read back, in the order they were kept. */
  List<Seen> group(int group) {
    int i = first[group];
    if (next[i] < 0) {
      return List.of(views.view(handles[i]));
    }
    List<Seen> out = new ArrayList<>();
    for (; i >= 0; i = next[i]) {
      out.add(views.view(handles[i]));
    }
    return out;
  }
}
