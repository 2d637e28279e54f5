package dev.figmascim.bridge.scim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every member gets a non-empty given and family name (Okta's checks), derived as documented. */
class NamePartsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "Ada Park, NULL, NULL, ada@x.com, Ada, Park, Ada Park",
        "Mary Ann  Lee, NULL, NULL, m@x.com, Mary Ann, Lee, Mary Ann Lee",
        "NULL, NULL, NULL, jonas.weber@x.com, Jonas, Weber, Jonas Weber",
        "NULL, NULL, NULL, first_last-name@x.com, First Last, Name, First Last Name",
        "Cher, NULL, NULL, cher@x.com, Cher, Cher, Cher",
        "NULL, NULL, NULL, x@x.com, X, X, X",
        "Ada Park, Adaline, NULL, ada@x.com, Adaline, Park, Ada Park",
        "NULL, Given, Family, g@x.com, Given, Family, Given Family",
        "'  ', NULL, NULL, li.na@x.com, Li, Na, Li Na",
    })
    void derivesNames(String name, String given, String family, String email, String expectGiven, String expectFamily,
                      String expectFormatted) {
        NameParts parts = NameParts.of(name, given, family, email);
        assertEquals(expectGiven, parts.givenName());
        assertEquals(expectFamily, parts.familyName());
        assertEquals(expectFormatted, parts.formatted());
    }
}
