package dev.yardstick.storage;

import java.util.AbstractSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The shas an organization has, as an import read them, with the count of commit deletions at that
 * moment: when the count has moved, a commit read as stored may be gone and the set is read again.
 */
final class KnownShas extends AbstractSet<String> {
  private Set<String> shas;
  private long forgets;

  KnownShas(Set<String> shas, long forgets) {
    this.shas = shas;
    this.forgets = forgets;
  }

  long forgets() {
    return forgets;
  }

  void replace(Set<String> fresh, long forgetsNow) {
    shas = fresh;
    forgets = forgetsNow;
  }

  @Override
  public boolean add(String sha) {
    return shas.add(sha);
  }

  @Override
  public boolean contains(Object sha) {
    return shas.contains(sha);
  }

  @Override
  public boolean remove(Object sha) {
    return shas.remove(sha);
  }

  @Override
  public Iterator<String> iterator() {
    return shas.iterator();
  }

  @Override
  public int size() {
    return shas.size();
  }

  static KnownShas of(Set<String> shas, long forgets) {
    return new KnownShas(new HashSet<>(shas), forgets);
  }
}
