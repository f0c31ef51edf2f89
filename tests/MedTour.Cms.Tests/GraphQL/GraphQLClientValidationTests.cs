using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>
/// Writes each MedTour site's introspection result to <c>$MEDTOUR_GRAPHQL_OUT/introspection/{prefix}.json</c>, next to
/// the documents the GraphQL tests sent (see <see cref="GraphClient"/>): test.sh then validates every document with the
/// <c>graphql</c> npm client (<c>tests/graphql-client</c>: buildClientSchema, then validate). The query is the
/// client library's own <c>getIntrospectionQuery()</c> (version 17.1.0, default options).
/// </summary>
public abstract class GraphQLClientValidationTests(SiteFixture site)
{
    public const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {

            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types {
              ...FullType
            }
            directives {
              name
              description



              locations
              args {
                ...InputValue
              }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description


          fields(includeDeprecated: true) {
            name
            description
            args {
              ...InputValue
            }
            type {
              ...TypeRef
            }
            isDeprecated
            deprecationReason
          }
          inputFields {
            ...InputValue
          }
          interfaces {
            ...TypeRef
          }
          enumValues(includeDeprecated: true) {
            name
            description
            isDeprecated
            deprecationReason
          }
          possibleTypes {
            ...TypeRef
          }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue


        }

        fragment TypeRef on __Type {
          kind
          name
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }

        """;

    [Theory]
    [InlineData("/ua")]
    [InlineData("/eu")]
    [InlineData("/us")]
    public async Task The_introspection_result_of_each_site_is_written_for_the_client_check(string prefix)
    {
        var data = (await new GraphClient(site, prefix).PostAsync(IntrospectionQuery)).Ok();
        var types = data["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Article", types);
        Assert.Contains("ContentItem", types);
        Assert.DoesNotContain(types, t => t.Contains("Consultation", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());

        var folder = Path.Combine(GraphClient.QueryLog, "introspection");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, prefix.Trim('/') + ".json"), new JsonObject { ["data"] = data.DeepClone() }.ToJsonString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLClientValidationSqliteTests(SqliteSite site) : GraphQLClientValidationTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLClientValidationPostgresTests(PostgresSite site) : GraphQLClientValidationTests(site);
