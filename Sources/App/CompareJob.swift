import Coverage
import Foundation
import Geo
import Planning
import Report
import Scenario

/// `cosite compare`: today's coverage, one candidate pool, one plan per sharing option, the
/// comparison table and each option's stations and newly covered areas.
public enum CompareJob {
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, request: PlanRequest, optionNames: [String],
    warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> (names: [String], outcomes: [OptionOutcome]) {
    let leaflet = try LeafletLoader.load()
    let input = try PlanInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, request: request, warn: warn)
    let scenario = input.scenario
    let carriers = try request.carriers(in: scenario)
    // By default every option, less those sharing between carriers when one is planned.
    let names =
      optionNames.isEmpty
      ? SharingOption.all(for: scenario).filter { carriers.count > 1 || !$0.sharesBetweenCarriers }.map(\.name)
      : optionNames
    let options = try PlanRequest.options(named: names, in: scenario)
    try PlanRequest.check(options, carriers: carriers)
    // Today's fields are kept: each plan's busy-hour run computes only its stations' fields.
    let fields = FieldStore()
    let (coverage, known) = try input.coverage(threads: request.threads, carriers: carriers, fields: fields)
    fields.reuse(sectorsBelow: scenario.sectors.count)
    let settings = request.options(carriers: carriers, scenario: scenario)
    let pool = CandidatePool.build(
      scenario, coverage: coverage, carriers: settings.carriers, settings: settings.pool, known: known)
    var today = OptionOutcome.today(scenario, coverage: coverage, carriers: settings.carriers)
    today.busyHour = BusyHourReach(coverage, carrierIndex: settings.carriers)
    var entries = [ComparisonReport.Entry(outcome: today, result: nil)]
    for option in options {
      let result = Recommender.recommend(scenario, coverage: coverage, pool: pool, option: option, options: settings)
      var outcome = OptionOutcome(result, scenario: scenario, coverage: coverage)
      // The busy hour once the plan is built: a coverage run of the planned network.
      let planned = PlannedNetwork(
        scenario, carriers: result.carriers, picks: result.picks, pool: result.pool,
        pooled: option.rules == .mocn)
      // The plan's indoor systems serve their buildings' cells beside the macro network.
      let run = try CoverageRun.run(planned.scenario, threads: request.threads, fields: fields)
      let indoor = IndoorServiceCells(
        result, scenario: scenario, coverage: run, carrierIndex: planned.carrierIndex, threads: request.threads)
      outcome.busyHour = BusyHourReach(run, carrierIndex: planned.carrierIndex, indoor: indoor)
      entries.append(.init(outcome: outcome, result: result))
    }
    let outputs = try PlanOutputs.comparison(
      entries, scenario: scenario, coverage: coverage, goal: settings.goal, leaflet: leaflet, threads: request.threads)
    try outputs.write(to: outputDirectory)
    return (outputs.names, entries.map(\.outcome))
  }
}
