package dev.figmascim.bridge.source.figma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table of odd shapes the reader must accept: JSON of one user -> the field read from it. */
class FigmaScimReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
        "{'id':'1','emails':[{'value':'a@x'},{'value':'b@x','primary':true}]}     | email      | b@x",
        "{'id':'1','emails':[{'value':'a@x','primary':'false'},{'value':'b@x'}]}  | email      | a@x",
        "{'id':'1','emails':{'value':'a@x','primary':'True'}}                     | email      | a@x",
        "{'id':'1','emails':['a@x']}                                              | email      | a@x",
        "{'id':'1','emails':[]}                                                   | email      | NULL",
        "{'id':'1','emails':null}                                                 | email      | NULL",
        "{'id':'1','roles':{'type':'seatType','value':'View'}}                    | seatType   | View",
        "{'id':'1','roles':[{'type':'SEATTYPE','value':'Collab'}]}                | seatType   | Collab",
        "{'id':'1','roles':[{'type':'other','value':'Full'}]}                     | seatType   | NULL",
        "{'id':'1','roles':[{'type':'seatType','value':''}]}                      | seatType   | NULL",
        "{'id':'1','active':'FALSE'}                                              | active     | false",
        "{'id':'1','active':0}                                                    | active     | false",
        "{'id':'1','active':'maybe'}                                              | active     | true",
        "{'id':'1'}                                                               | active     | true",
        "{'id':'1','URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:FIGMA:ENTERPRISE:2.0:USER':{'figmaAdmin':true}} | figmaAdmin | true",
        "{'id':'1','urn:ietf:params:scim:schemas:extension:figma:enterprise:2.0:User':{'figmaAdmin':'yes'}} | figmaAdmin | NULL",
        "{'id':'1','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'7'}}}  | manager    | 7",
        "{'id':'1','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':'8'}}            | manager    | 8",
        "{'id':'1','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':null}}           | manager    | NULL",
        "{'id':'1','external_id':'e1'}                                            | externalId | e1",
        "{'id':'1','externalId':'e2','external_id':'e1'}                          | externalId | e2",
        "{'id':12345678901234567890}                                              | id         | 12345678901234567890",
        "{'id':'1','name':'Just A String'}                                        | givenName  | NULL",
        "{'id':'1','title':{'nested':true}}                                       | title      | NULL",
    })
    void readsOddUsers(String json, String field, String expected) throws IOException {
        FigmaScimUser user = FigmaScimReader.user(MAPPER.readTree(json.replace('\'', '"')));
        Object actual = switch (field) {
            case "email" -> user.email();
            case "seatType" -> user.seatType();
            case "active" -> String.valueOf(user.active());
            case "figmaAdmin" -> user.figmaAdmin() == null ? null : String.valueOf(user.figmaAdmin());
            case "manager" -> user.managerValue();
            case "externalId" -> user.externalId();
            case "id" -> user.id();
            case "givenName" -> user.givenName();
            case "title" -> user.title();
            default -> throw new IllegalArgumentException(field);
        };
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'id':'g','members':[{'value':'1'},{'value':'2','display':'B'}]} | 1,2",
        "{'id':'g','members':{'value':'1'}}                             | 1",
        "{'id':'g','members':['1','2']}                                 | 1,2",
        "{'id':'g','members':[{'display':'no value'},{'value':'3'}]}    | 3",
        "{'id':'g'}                                                      | -",
    })
    void readsOddGroupMembers(String json, String expected) throws IOException {
        JsonNode node = MAPPER.readTree(json.replace('\'', '"'));
        List<String> want = "-".equals(expected) ? List.of() : List.of(expected.split(","));
        assertEquals(want, FigmaScimReader.group(node).memberIds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"{'userName':'x'}", "{'id':null}", "{'id':''}", "{'id':{'a':1}}"})
    void aResourceWithoutAnIdIsSkipped(String json) throws IOException {
        JsonNode node = MAPPER.readTree(json.replace('\'', '"'));
        assertNull(FigmaScimReader.user(node));
        assertNull(FigmaScimReader.group(node));
    }
}
