package kb.corpus;

/**
 * One entry of a reference list, parsed into its parts. Any part that could not be recognised is empty,
 * never null; {@code number} is the entry's number in the list (1-based), or 0 when unnumbered.
 */
public record Reference(int number, String authors, String year, String title, String journal) {
    public Reference {
        authors = authors == null ? "" : authors;
        year = year == null ? "" : year;
        title = title == null ? "" : title;
        journal = journal == null ? "" : journal;
    }
}
