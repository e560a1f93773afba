using Google.OrTools.Sat;

namespace KyodoHub.Core.Planning;

/// <summary>
/// Chooses offers for all open requests at once to maximise the total match score, subject to each
/// request's open seats, each registrant's monthly cap, no registrant in two overlapping requests,
/// and optionally a per-registrant limit; with the fairness option it first makes the least-filled
/// request as full as possible. Solved with OR-Tools CP-SAT within a time limit, starting from the
/// greedy plan, so the result is never worse than greedy.
/// </summary>
public sealed class BatchPlanner
{
    // Scores are 0..1; the solver works in integers.
    private const int Scale = 10_000;

    public PlanComparison Plan(IReadOnlyList<PlanRequest> requests, IReadOnlyList<PlanRegistrant> registrants, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var registrantsById = registrants.ToDictionary(r => r.RegistrantId);
        var greedy = GreedyPlanner.Plan(requests, registrantsById, options);
        var solved = Solve(requests, registrantsById, options, greedy);
        return new PlanComparison(solved, greedy);
    }

    private static PlanResult Solve(IReadOnlyList<PlanRequest> requests, IReadOnlyDictionary<int, PlanRegistrant> registrants, PlanOptions options, PlanResult greedy)
    {
        var model = new CpModel();
        var x = new Dictionary<(int Request, int Registrant), BoolVar>();
        var candidateOf = new Dictionary<(int Request, int Registrant), PlanCandidate>();
        foreach (var request in requests)
        {
            foreach (var c in request.Candidates.DistinctBy(c => c.RegistrantId))
            {
                x[(request.RequestId, c.RegistrantId)] = model.NewBoolVar($"x_{request.RequestId}_{c.RegistrantId}");
                candidateOf[(request.RequestId, c.RegistrantId)] = c;
            }
        }
        var constraints = 0;

        // Seats.
        var filledOf = new Dictionary<int, LinearExpr>();
        var varsOfRequest = x.GroupBy(kv => kv.Key.Request).ToDictionary(g => g.Key, g => g.Select(kv => kv.Value).ToList());
        foreach (var request in requests)
        {
            var sum = LinearExpr.Sum(varsOfRequest.GetValueOrDefault(request.RequestId) ?? []);
            filledOf[request.RequestId] = sum;
            model.Add(sum <= request.OpenSeats);
            constraints++;
        }

        // Per registrant: overlaps, monthly caps, the per-plan limit.
        var byRequest = requests.ToDictionary(r => r.RequestId);
        foreach (var group in x.GroupBy(kv => kv.Key.Registrant))
        {
            var mine = group.Select(kv => (Request: byRequest[kv.Key.Request], Var: kv.Value)).OrderBy(m => m.Request.Sessions.Min(s => s.Start)).ToList();
            for (var i = 0; i < mine.Count; i++)
            {
                for (var j = i + 1; j < mine.Count; j++)
                {
                    if (PlanRules.Overlap(mine[i].Request, mine[j].Request))
                    {
                        model.AddBoolOr([mine[i].Var.Not(), mine[j].Var.Not()]);
                        constraints++;
                    }
                }
            }
            if (registrants.TryGetValue(group.Key, out var registrant))
            {
                foreach (var month in mine.SelectMany(m => PlanRules.MonthsOf(m.Request.Sessions).Select(mo => (Month: mo, m.Var))).GroupBy(m => m.Month))
                {
                    var remaining = registrant.Remaining(month.Key.Year, month.Key.Month);
                    if (month.Count() > remaining)
                    {
                        model.Add(LinearExpr.Sum(month.Select(m => m.Var)) <= Math.Max(0, remaining));
                        constraints++;
                    }
                }
            }
            if (options.MaxOffersPerRegistrant is { } max && mine.Count > max)
            {
                model.Add(LinearExpr.Sum(mine.Select(m => m.Var)) <= max);
                constraints++;
            }
        }

        var scoreTerms = x.Select(kv => (Var: kv.Value, Weight: (long)Math.Round(candidateOf[kv.Key].Score * Scale))).ToList();
        var score = LinearExpr.WeightedSum(scoreTerms.Select(t => t.Var), scoreTerms.Select(t => t.Weight));
        if (options.MaximiseMinimumFill && requests.Any(r => r.OpenSeats > 0))
        {
            // minFill is the least filled fraction, in thousandths; it outweighs any score total.
            var minFill = model.NewIntVar(0, 1000, "minFill");
            foreach (var request in requests.Where(r => r.OpenSeats > 0))
            {
                model.Add(filledOf[request.RequestId] * 1000 >= minFill * request.OpenSeats);
                constraints++;
            }
            var bound = scoreTerms.Sum(t => t.Weight) + 1;
            model.Maximize(minFill * bound + score);
        }
        else
        {
            model.Maximize(score);
        }

        // Start from the greedy plan.
        var hinted = greedy.Offers.Select(o => (o.RequestId, o.RegistrantId)).ToHashSet();
        foreach (var (key, variable) in x)
        {
            model.AddHint(variable, hinted.Contains(key));
        }

        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{options.Limit.TotalSeconds:0.###} num_workers:{Math.Max(1, Environment.ProcessorCount)} random_seed:7"),
        };
        var status = solver.Solve(model);
        var statistics = new SolverStatistics(status.ToString(), solver.WallTime(), solver.NumBranches(), solver.NumConflicts(), x.Count, constraints);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return greedy with { Statistics = statistics };
        }
        var offers = x.Where(kv => solver.BooleanValue(kv.Value))
            .Select(kv => new PlannedOffer(kv.Key.Request, kv.Key.Registrant, candidateOf[kv.Key].Score, candidateOf[kv.Key].Breakdown))
            .ToList();
        var result = GreedyPlanner.Summarise(requests, offers, status == CpSolverStatus.Optimal, statistics);
        // A time-limited search can stop before matching its starting point; never hand back less.
        var better = options.MaximiseMinimumFill
            ? MinFill(requests, result) > MinFill(requests, greedy) || (MinFill(requests, result) == MinFill(requests, greedy) && result.TotalScore >= greedy.TotalScore)
            : result.TotalScore >= greedy.TotalScore;
        return better ? result : greedy with { Statistics = statistics };
    }

    private static double MinFill(IReadOnlyList<PlanRequest> requests, PlanResult plan)
    {
        var open = requests.Where(r => r.OpenSeats > 0).ToList();
        if (open.Count == 0)
        {
            return 1;
        }
        var filled = plan.Offers.GroupBy(o => o.RequestId).ToDictionary(g => g.Key, g => g.Count());
        return open.Min(r => Math.Floor(1000.0 * filled.GetValueOrDefault(r.RequestId) / r.OpenSeats));
    }
}
